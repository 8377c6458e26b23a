"""MkDocs hook: serve iframe-worker's shim from the site, so search works from file://.

Material's offline plugin loads the shim from a CDN unless extra.polyfills already
lists an iframe-worker script; mkdocs.yml lists SITE_PATH, and this hook puts the
shim installed by `npm ci` there. Nothing is fetched at build or view time.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from committee_paper.offline import foreign_scripts

INSTALLED_SHIM = Path("node_modules/iframe-worker/shim/index.js")
SITE_PATH = "assets/javascripts/iframe-worker-shim.js"


def on_config(config):
    polyfills = [str(script) for script in config.extra.get("polyfills", [])]
    foreign = foreign_scripts(polyfills)
    if foreign:
        raise PluginError(f"mkdocs.yml: extra.polyfills would load {', '.join(foreign)} from another host; list {SITE_PATH} there instead")
    if SITE_PATH not in polyfills:
        raise PluginError(f"mkdocs.yml: extra.polyfills must list {SITE_PATH} (the iframe-worker shim that offline search needs)")
    return config


def on_files(files, config):
    shim = Path(config.config_file_path).parent / INSTALLED_SHIM
    if not shim.is_file():
        raise PluginError(f"{shim}: not found; run `npm ci` in the repository root (scripts/build does) to install iframe-worker from package-lock.json")
    files.append(File.generated(config, SITE_PATH, abs_src_path=str(shim)))
    return files
