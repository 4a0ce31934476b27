/** A self-contained HTML file of the ticket (QR code inline): it opens on any device, offline. */
import type { Ticket } from './api.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function downloadTicket(ticket: Ticket, lines: { title: string; when: string; party: string; code: string }, lang: string) {
  const html = `<!doctype html><html lang="${esc(lang)}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(lines.title)}</title><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;text-align:center">
<h1 style="font-size:1.3rem">${esc(lines.title)}</h1><p>${esc(lines.when)}</p><p>${esc(lines.party)}</p>
<div style="width:240px;margin:auto">${ticket.qrSvg ?? ''}</div><p style="font:700 1.4rem monospace;letter-spacing:.1em">${esc(ticket.codeDisplay)}</p>
<p style="color:#555">${esc(lines.code)}</p></body></html>`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `ticket-${ticket.codeDisplay}.html`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
