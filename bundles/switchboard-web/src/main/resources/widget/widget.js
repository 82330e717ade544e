/*
 * Switchboard's panel for CRM pages: include it with
 *   <script src="https://switchboard.example.com/switchboard/widget.js" defer></script>
 * It frames the signed-in agent's panel (presence, screen pops) from the Switchboard it was loaded
 * from, and turns clicks on tel: links into click-to-call through that panel. The page must be one
 * of the web configuration's widgetOrigins, or the browser refuses to show the panel.
 */
(function () {
  'use strict';
  if (window.switchboardWidget || !document.currentScript) {
    return;
  }
  var origin = new URL(document.currentScript.src, window.location.href).origin;
  var frame = document.createElement('iframe');
  frame.id = 'switchboard-widget';
  frame.title = 'Switchboard';
  frame.src = origin + '/switchboard/console/widget.html';
  Object.assign(frame.style, {
    position: 'fixed', right: '16px', bottom: '16px', width: '320px', height: '44px', border: '1px solid #c5cad3',
    borderRadius: '8px', boxShadow: '0 4px 16px rgba(0,0,0,.18)', background: '#fff', zIndex: '2147483000'
  });

  function attach() {
    document.body.appendChild(frame);
  }
  if (document.body) {
    attach();
  } else {
    document.addEventListener('DOMContentLoaded', attach);
  }

  // the panel tells how tall it wants to be (collapsed, signed out, a pop showing)
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow || !event.data) {
      return;
    }
    if (event.data.type === 'switchboard:height' && event.data.height > 0) {
      frame.style.height = Math.min(event.data.height, window.innerHeight - 32) + 'px';
    }
  });

  // click-to-call: a tel: link anywhere on the page places the call from the agent's phone
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="tel:"]') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    var number = decodeURIComponent(link.getAttribute('href').slice(4)).trim();
    frame.contentWindow.postMessage({ type: 'switchboard:call', number: number }, origin);
  }, true);

  window.switchboardWidget = { frame: frame, origin: origin };
})();
