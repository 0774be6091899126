// The customer's page script: give the apply flow a way to get a session token from the
// customer's own backend (Stripe's fetchClientSecret pattern). The token is never in a URL.
const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'es' ? 'es' : 'en';
document.documentElement.lang = lang;
const switcher = document.querySelector('[data-lang-switch]');
if (switcher && lang === 'es') {
  switcher.textContent = 'English';
  switcher.setAttribute('href', '/demo/careers');
  switcher.setAttribute('hreflang', 'en');
  switcher.setAttribute('lang', 'en');
}

const flow = document.querySelector('ck-apply-flow');
let restart = params.has('restart');
flow.fetchSessionToken = async () => {
  const response = await fetch('/demo/api/apply-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      package: params.get('package') ?? undefined,
      work_state: params.get('work_state') ?? undefined,
      locale: lang,
      restart,
    }),
  });
  restart = false;
  if (!response.ok) throw new Error(`apply-token ${response.status}`);
  return (await response.json()).session_token;
};

// Every kit event is safe to log: none carries personal data.
for (const type of ['ck-step-change', 'ck-complete', 'ck-error']) {
  flow.addEventListener(type, (event) => console.info(type, { ...event }));
}
