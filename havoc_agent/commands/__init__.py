"""Sub-commands of `havoc-agent`, one module each."""
