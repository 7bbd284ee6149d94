"""What deletes safely: a guard re-read before a DELETE, a sweep of every subject, and the evidence of each decision."""
