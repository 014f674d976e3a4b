"""What staff write, read and checked: practice.yaml, each page's front matter."""
