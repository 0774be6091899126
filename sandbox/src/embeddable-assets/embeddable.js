// The stand-in tells its host page about external links, since a host cannot see clicks inside a
// cross-origin frame. The real embeddable documents no message API; <ck-pay-embed> treats these
// messages as a bonus and checks their origin. The payload carries only the link, no data.
const ready = () =>
  window.parent !== window &&
  window.parent.postMessage(
    {
      source: 'checkr-pay-embeddable',
      type: document.querySelector('[data-state]')?.getAttribute('data-state') ?? 'ready',
    },
    '*',
  );
document.addEventListener('DOMContentLoaded', ready);
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-external]') : null;
  if (!link || window.parent === window) return;
  window.parent.postMessage(
    { source: 'checkr-pay-embeddable', type: 'external-link', url: link.href },
    '*',
  );
});
