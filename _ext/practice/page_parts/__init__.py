"""What the build adds to each page: the crisis lines, the practice's details, related topics,
the review footer, structured data, sharing tags, the Content-Security-Policy."""
