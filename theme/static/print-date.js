// Writes the date into the printed footer ("Printed from <URL> on 3 December 2026"). Reading needs no script: without
// it the printed footer gives the URL alone.
(() => {
  const stamp = () => {
    const date = new Date().toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric' });
    for (const el of document.querySelectorAll('.print-date')) el.textContent = ' on ' + date;
  };
  stamp();
  addEventListener('beforeprint', stamp);
})();
