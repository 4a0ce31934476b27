import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from './detect.ts';
import { useLanguage } from './useLanguage.ts';

/** Three always-visible buttons, each language named in itself. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const [params, setParams] = useSearchParams();

  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lng === language}
          onClick={() => {
            setLanguage(lng);
            // A deep link's ?lang= would otherwise win again on reload.
            if (params.has('lang'))
              setParams(
                (p) => {
                  p.set('lang', lng);
                  return p;
                },
                { replace: true },
              );
          }}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </fieldset>
  );
}
