"""The ``foas`` command's machinery: commands built from data, argument parsing, running, output formats."""
