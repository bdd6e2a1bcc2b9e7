"""End-to-end tests through the gateway of a stack that is already up."""
