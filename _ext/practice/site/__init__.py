"""Site-wide output and speed: stylesheets and scripts, the menu, search, redirects, the check
that every linked file exists, hosting notices, incremental builds, garbage collection."""
