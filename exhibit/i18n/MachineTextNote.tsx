import { useTranslation } from 'react-i18next';
import { useLanguage } from './useLanguage.ts';

/** Says so when Traditional Chinese content was converted from Simplified by OpenCC. */
export function MachineTextNote({ machineConverted }: { machineConverted: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!machineConverted || language !== 'zh-Hant') return null;
  return (
    <p className="machine-note" data-testid="machine-note">
      {t('language.machineConverted')}
    </p>
  );
}
