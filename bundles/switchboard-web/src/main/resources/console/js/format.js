// Small formatting helpers shared by the views.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function duration(fromIso, now = Date.now()) {
  if (!fromIso) return '';
  let s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function seconds(total) {
  if (total === null || total === undefined) return '';
  return duration(new Date(Date.now() - total * 1000).toISOString());
}

export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { day: '2-digit', month: 'short' }) + ' ' +
      date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A file size as people read it: 812 B, 14 KB, 2.3 MB. */
export function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const STATE_LABELS = {
  AVAILABLE: 'Available', AWAY: 'Away', OFFLINE: 'Offline', RINGING: 'Ringing', BUSY: 'Busy', WRAP_UP: 'Wrap-up',
  NEW: 'New', QUEUED: 'Waiting', OFFERED: 'Offered', ACTIVE: 'Active', CLOSED: 'Closed', MISSED: 'Missed',
  ABANDONED: 'Abandoned',
};
