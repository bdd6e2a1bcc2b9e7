"""Integration tests: real services on free ports against a fresh database."""
