// Decap starts only when editor.js has registered the site's page format and widget.
window.CMS_MANUAL_INIT = true;
