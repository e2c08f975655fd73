// Maps the language names a reference list writes (`(in Russian)`) to BCP 47 codes.

const CODES: Record<string, string> = {
  arabic: 'ar', armenian: 'hy', azerbaijani: 'az', belarusian: 'be', bulgarian: 'bg',
  catalan: 'ca', chinese: 'zh', croatian: 'hr', czech: 'cs', danish: 'da', dutch: 'nl',
  english: 'en', estonian: 'et', finnish: 'fi', french: 'fr', georgian: 'ka', german: 'de',
  greek: 'el', hebrew: 'he', hindi: 'hi', hungarian: 'hu', indonesian: 'id', italian: 'it',
  japanese: 'ja', kazakh: 'kk', korean: 'ko', latvian: 'lv', lithuanian: 'lt', malay: 'ms',
  norwegian: 'no', persian: 'fa', farsi: 'fa', polish: 'pl', portuguese: 'pt', romanian: 'ro',
  russian: 'ru', serbian: 'sr', slovak: 'sk', slovene: 'sl', slovenian: 'sl', spanish: 'es',
  swedish: 'sv', thai: 'th', turkish: 'tr', ukrainian: 'uk', urdu: 'ur', uzbek: 'uz',
  vietnamese: 'vi',
};

/** BCP 47 code of the first language named (`Russian and English` → `ru`), undefined if unknown. */
export function languageCodeOf(names: string): string | undefined {
  const first = names.split(/\s+and\s+|[,;/]/)[0]?.trim().toLowerCase() ?? '';
  return CODES[first];
}
