"""The foas_client generator: ``python -m generator`` turns spec/ into generated/foas_client/."""
