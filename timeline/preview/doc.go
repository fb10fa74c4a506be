// Package preview is the live preview behind "timeline serve": a Watcher
// that turns file-system events into debounced batches of changes, and a
// Server that rebuilds the site on each batch, serves the output folder
// over HTTP and tells open pages to reload through server-sent events.
//
// The package knows nothing of how a site is built: Server.Build is a
// function the caller gives, so tests can count rebuilds exactly and the
// build can change without the preview noticing.
//
// The reload script is injected into the HTML pages as they are served and
// never written to the output folder. It opens an EventSource on
// Base + ".timeline/events" and reloads the page on a "reload" event; a
// "status" event carries the diagnostics of the last build, which the
// script shows as an overlay over the last good page.
package preview
