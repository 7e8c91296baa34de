const words = ['cliente', 'servizio', 'conflitto', 'ascolto', 'risposta', 'contatto', 'reclamo', 'soluzione', 'fiducia', 'tempo', 'lezione', 'domanda'];

/** Deterministic prose of about `chars` characters, in paragraphs of about 400, so a page has the size asked for. */
export function fillerParagraphs(chars) {
  const paragraphs = [];
  let total = 0;
  for (let p = 0; total < chars; p++) {
    let text = '';
    for (let w = p; text.length < 400 && total + text.length < chars; w++) text += `${words[(w * 7 + p) % words.length]} `;
    paragraphs.push(text);
    total += text.length;
  }
  return paragraphs;
}

/** The size segment: a whole number of filler characters, within reason. */
export function fillerSize(raw) {
  const size = Number(raw);
  return Number.isInteger(size) && size >= 0 && size <= 2_000_000 ? size : 0;
}
