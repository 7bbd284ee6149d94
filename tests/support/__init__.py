"""Test helpers shared by unit, contract and e2e tests; independent of the package under test."""
