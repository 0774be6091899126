// Plays the React Native side: shows each message as onMessage would get it (a JSON string),
// and answers open-external requests the way Linking.openURL would, in a new tab here.
const log = document.getElementById('log');
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || typeof event.data?.rnWebViewMessage !== 'string') return;
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = event.data.rnWebViewMessage;
  item.append(code);
  log.append(item);
  try {
    const message = JSON.parse(event.data.rnWebViewMessage);
    if (message.type === 'open-external' && /^https:\/\//.test(message.url))
      window.open(message.url, '_blank', 'noopener');
  } catch {
    // not ours
  }
});
