"""The theme's side: the guard on the tool's copies of Material's templates (version) and no script
from another host (offline)."""
