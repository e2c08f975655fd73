// The wording of a not-found page (field-notes §4.4): its title or h1 IS the message, or a short line says so.

// A not-found title or h1, once decoration ("Oops!", "Error 404:", trailing dots) is stripped, is
// exactly one of these. A headline that merely contains them ("Hamas leaders not found in Moscow",
// "Vermisste Bergsteiger nicht gefunden") says something else.
const NOT_FOUND_CORE = [
  // en
  String.raw`(page|file|document|article|story|post|content|url) not found|not found`,
  String.raw`(this |that |the )?(page|article|story|post|content|link)( you('re| are| were)? (looking for|requested|tried to (access|reach|visit)))? (is |was )?(not found|no longer available|unavailable|(does not|doesn't|did not|didn't) exist|(could not|couldn't|cannot|can ?not|can't) be found|has been (removed|deleted))`,
  String.raw`(we|i) (could not|couldn't|cannot|can ?not|can't) find (that|this|the|your) (page|article|story|post|content)( you('re| are| were)? looking for)?`,
  // ru, uk
  String.raw`(страница|запрашиваемая страница) не (найдена|существует)|такой страницы (нет|не существует)|сторінк[уа] не знайдено|сторінка не знайдена`,
  // fr
  String.raw`page (introuvable|non trouvée|inexistante)|(cette |la )?page (demandée |que vous (cherchez|demandez|recherchez) )?n'existe (pas|plus)`,
  // de
  String.raw`(seite|datei|artikel|inhalt) (wurde )?nicht gefunden|nicht gefunden|(diese |die )?(angeforderte |gesuchte )?seite (existiert nicht|gibt es nicht)`,
  // es, it, pt
  String.raw`página no (encontrada|existe)|(la |esta )?página (que (buscas|busca|solicitaste) )?no existe|pagina non trovata|página não encontrada`,
].join('|');

// "404", "Error 404", "HTTP 404", "404 error" around or instead of the phrase.
const ERROR_CODE = String.raw`(?:(?:error|erreur|fehler|ошибка|помилка|errore|erro|http)\s*)?404(?:\s*(?:error|page|страница))?`;
const NOT_FOUND_EXACT = new RegExp(String.raw`^(?:${ERROR_CODE}\s*[:.\-–—]?\s*)?(?:${NOT_FOUND_CORE})?(?:\s*[:.\-–—(]?\s*${ERROR_CODE}\)?)?$`, 'i');
const HAS_CODE = /404/;

// \b is ASCII-only, so the end of the word is a lookahead that also works after Cyrillic.
const INTERJECTION = /^(oops|whoops|woops|oh no|uh[- ]?oh|sorry|ouch|hmm+|oups|désolé|hoppla|huch|ups|lo sentimos|упс|ой|извините)(?=[\s!.,:;…]|$)[\s!.,:;…]*/i;
const EDGE_PUNCTUATION = /^[\s!.,:;…?¡¿\-–—]+|[\s!.,:;…?¡¿\-–—]+$/g;

function stripDecoration(segment: string): string {
  let text = segment.replace(/[’‘`´]/g, "'").replace(/["“”«»„]/g, '').replace(EDGE_PUNCTUATION, '');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(INTERJECTION, '').replace(EDGE_PUNCTUATION, '');
  }
  return text.replace(/\s+/g, ' ');
}

function isNotFoundPhrase(segment: string): 'not found' | '404' | undefined {
  const text = stripDecoration(segment);
  if (text === '' || !NOT_FOUND_EXACT.test(text)) return undefined;
  return text.replace(new RegExp(ERROR_CODE, 'gi'), '').replace(/[\s:.\-–—()]/g, '') === '' ? '404' : 'not found';
}

const TITLE_SEPARATORS = /\s[|·•–—:-]\s|\s[|·•–—]|[|·•–—]\s/;
/** The rest of a not-found title is the site's name or a section: a few words. */
const SITE_NAME_WORDS = 5;

/**
 * "not found" / "404" when the title (or h1) is a not-found message: one segment is the message
 * and every other segment is short enough to be the site's name. A bare "404" next to a name that
 * itself says 404 ("404 | The 404 Club") is that name.
 */
export function saysNotFound(title: string): 'not found' | '404' | undefined {
  const segments = title.split(TITLE_SEPARATORS).map((s) => s.trim()).filter((s) => s.length > 0);
  for (const [index, segment] of segments.entries()) {
    const says = isNotFoundPhrase(segment);
    if (!says) continue;
    const others = segments.filter((_, i) => i !== index);
    if (others.some((s) => s.split(/\s+/).length > SITE_NAME_WORDS)) return undefined;
    if (says === '404' && others.some((s) => HAS_CODE.test(s))) return undefined;
    return says;
  }
  return undefined;
}

// A not-found page's own message in its body, each anchored on the page itself ("the page you …"),
// never a bare "does not exist" / "no existe", which news prose says about deals and stories.
const NOT_FOUND_MESSAGE = new RegExp([
  String.raw`(the |this )?page you('re| are| were)? (looking for|requested|tried to (access|reach|visit)|trying to (access|reach))( (does not|doesn't) exist| (could not|couldn't|cannot|can't) be found| (is|was) (not found|no longer available|unavailable)| (might|may) have been (removed|moved|deleted))`,
  String.raw`(this|that|the|requested) page (does not|doesn't) exist|(this|that|the|requested) page (could not|couldn't|cannot|can ?not|can't) be found`,
  String.raw`(we|i) (could not|couldn't|cannot|can't) find (the|that|this) (page|story|article|post)`,
  String.raw`the requested url .{0,120}was not found on this server|nothing was found at this location`,
  String.raw`страница не найдена|запрашиваемая страница не (найдена|существует)|такой страницы (нет|не существует)|страница не существует`,
  String.raw`page introuvable|(la|cette) page (que vous (cherchez|demandez|recherchez) |demandée )?n['’]existe (pas|plus)`,
  String.raw`seite (wurde )?nicht gefunden|(die|diese) (angeforderte |gesuchte |aufgerufene )?seite (existiert nicht|wurde nicht gefunden|konnte nicht gefunden werden|gibt es nicht)`,
  String.raw`página no encontrada|(la|esta) página (que (buscas|busca|solicitaste|has solicitado) )?no existe|no (hemos podido|se ha podido|pudimos) encontrar (la|esta) página`,
].join('|'), 'i');

/** A not-found message is a line of its own, not a clause inside a reporter's paragraph. */
const MESSAGE_LINE_WORDS = 30;

/** True when a short line of `text` is a not-found page's own message. */
export function hasNotFoundMessage(text: string): boolean {
  return text.split('\n').some((line) => line.split(/\s+/).length <= MESSAGE_LINE_WORDS && NOT_FOUND_MESSAGE.test(line.replace(/[’‘]/g, "'")));
}
