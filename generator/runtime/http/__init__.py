"""Sending a call: the client core, signing, retries, response limits, the attempt timeout and log."""
