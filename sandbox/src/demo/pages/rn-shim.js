// Stands in for react-native-webview inside the RN host simulator (/demo/rn-host): the kit sees
// window.ReactNativeWebView and posts its events to it; the shim forwards them to the host page.
if (new URLSearchParams(location.search).get('rn') === '1' && window.parent !== window) {
  window.ReactNativeWebView = {
    postMessage(message) {
      window.parent.postMessage({ rnWebViewMessage: message }, location.origin);
    },
  };
}
