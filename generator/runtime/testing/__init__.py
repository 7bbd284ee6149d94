"""The fake of the service: its store and routes, answers and faults, transports, loopback server, process."""
