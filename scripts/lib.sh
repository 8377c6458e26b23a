# Shared set-up for this repository's scripts (sourced, not run): a virtualenv in .venv with the tool
# installed from this checkout, as a paper's folder installs it from its pinned version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The tool from this checkout, with its dependencies pinned in requirements.txt, and the packages of $1.
venv_install() {
  [ -x .venv/bin/python ] || python3.11 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt ${1:+-r "$1"}
  # Reinstalled on every run: the checkout's version number does not change with each edit.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
}
