/// The script `serve` adds to every HTML page it sends (never to the files on disk): it listens to the
/// server's event stream, reloads the page after a good build and shows a failed build over the page.
enum LiveReloadScript {
    /// The path of the event stream.
    static let eventsPath = "/__briefing/events"

    /// The script element for a page served from build number `build`, marked so that tests and people can
    /// tell it from the site's own scripts. Knowing its build, a page that connects after a newer build
    /// finished (it loaded during that build, or the server restarted) reloads at once.
    static func element(build: Int) -> String {
        "<script data-briefing-live-reload>var __briefingBuild = \(build);\(source)</script>"
    }

    /// `html` with the script for `build` placed before its last `</body>` (any case), or at the end.
    static func inject(into html: [UInt8], build: Int) -> [UInt8] {
        let tag = Array("</body".utf8)
        var index = html.count - tag.count
        while index >= 0 {
            var matches = true
            for (offset, byte) in tag.enumerated() where lowercase(html[index + offset]) != byte {
                matches = false
                break
            }
            if matches { break }
            index -= 1
        }
        var result = html
        result.insert(contentsOf: Array(element(build: build).utf8), at: index >= 0 ? index : html.count)
        return result
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    // The overlay's text goes in through textContent, so a message quoting `<script>` from a broken file is
    // shown, not run. EventSource reconnects by itself after a dropped connection; when the browser gives
    // up (readyState CLOSED, e.g. the server was restarted) the script opens a new one. A greeting with
    // another build number than the page was served from means a build finished while it was not listening.
    static let source = """
        (function () {
          if (!window.EventSource || window.__briefingLiveReload) return;
          window.__briefingLiveReload = true;
          var loadedBuild = window.__briefingBuild, overlay = null, source = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(failure) {
            hide();
            overlay = document.createElement('div');
            overlay.id = '__briefing-error';
            overlay.setAttribute('role', 'alert');
            overlay.style.cssText = 'position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:80vh;overflow:auto;' +
              'background:#2b0b0b;color:#fff;border-bottom:4px solid #e5484d;padding:1rem 1.25rem;' +
              'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 24px rgba(0,0,0,.4)';
            var title = document.createElement('strong');
            title.textContent = 'Build failed — showing the last good build. Fix the file and save to rebuild.';
            var where = document.createElement('div');
            where.style.cssText = 'margin-top:.5rem;color:#ffb4b4';
            where.textContent = failure.file ? failure.file + (failure.line ? ':' + failure.line : '') +
              (failure.line && failure.column ? ':' + failure.column : '') : '';
            var text = document.createElement('pre');
            text.style.cssText = 'margin:.5rem 0 0;white-space:pre-wrap;font:inherit';
            text.textContent = failure.message + (failure.hint ? '\\nhint: ' + failure.hint : '');
            var close = document.createElement('button');
            close.type = 'button';
            close.textContent = 'Dismiss';
            close.style.cssText = 'float:right;font:inherit;margin-left:1rem';
            close.onclick = hide;
            overlay.append(close, title, where, text);
            (document.body || document.documentElement).appendChild(overlay);
          }
          function connect() {
            source = new EventSource('\(eventsPath)');
            source.addEventListener('hello', function (event) {
              var state = JSON.parse(event.data);
              if (state.failure) show(state.failure);
              else if (state.build !== loadedBuild) location.reload();
              else hide();
            });
            source.addEventListener('reload', function () { location.reload(); });
            source.addEventListener('build-error', function (event) { show(JSON.parse(event.data)); });
            source.onerror = function () {
              if (source.readyState === EventSource.CLOSED) { source.close(); setTimeout(connect, 1000); }
            };
          }
          connect();
        })();
        """
}
