"""The web server the site is served with: nginx, configured as a council's server would be."""
