import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "_ext"))

extensions = ["practice.site.navigation"]
html_theme = "furo"
exclude_patterns = ["_build"]
