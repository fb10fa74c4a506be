// The live preview of timeline serve: reloads the page after each
// successful build and shows the last build's problems over it. The server
// adds this script to the pages it serves; it is never written to the site.
(() => {
  "use strict";
  const me = document.currentScript;
  const build = me.dataset.build;
  const key = "timeline-preview-dismissed";
  let overlay = null;

  function show(status) {
    const errors = status.errors || [], warnings = status.warnings || [];
    const seen = JSON.stringify([errors, warnings]);
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    if (!errors.length && !warnings.length) return;
    if (!errors.length && sessionStorage.getItem(key) === seen) return; // dismissed

    overlay = document.createElement("div");
    overlay.className = "timeline-preview-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;" +
      "max-height:50vh;overflow:auto;padding:1rem 1.25rem;border-radius:6px;font:14px/1.45 system-ui,sans-serif;" +
      "color:#fff;box-shadow:0 4px 24px rgba(0,0,0,.4);background:" + (errors.length ? "#9b1c1c" : "#7a4b00");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.title = "Hide until the next change";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;font-size:20px;line-height:1;background:none;border:0;color:inherit;cursor:pointer";
    close.onclick = () => {
      if (!errors.length) sessionStorage.setItem(key, seen);
      overlay.remove();
      overlay = null;
    };
    overlay.append(close);
    const part = (title, lines) => {
      const h = document.createElement("strong");
      h.textContent = title;
      const pre = document.createElement("pre");
      pre.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace";
      pre.textContent = lines.join("\n"); // text, never markup: file names and messages come from the content
      overlay.append(h, pre);
    };
    if (errors.length) part("The build failed. This is the last good site.", errors);
    if (warnings.length) part((warnings.length === 1 ? "1 problem" : warnings.length + " problems") +
      ": left out of the site", warnings);
    document.body.append(overlay);
  }

  const events = new EventSource(new URL("events", me.src));
  events.addEventListener("status", (e) => {
    const status = JSON.parse(e.data);
    window.timelinePreview = status; // what the page was last told, for tests and the curious
    if (status.build !== build) {
      events.close(); // built while this page loaded, or a new run of the server
      location.reload();
      return;
    }
    show(status);
  });
  events.addEventListener("reload", () => {
    events.close();
    location.reload();
  });
})();
