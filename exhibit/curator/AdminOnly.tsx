/** What a curator or staff member sees on an admin page they opened by its address. */
import { useCuratorT } from './strings.ts';
import { useConsoleTitle } from './usePageTitle.ts';

export function AdminOnly({ title }: { title: string }) {
  const { t } = useCuratorT();
  useConsoleTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p className="console-error" role="alert" data-testid="admins-only">
        {t('common.adminsOnly')}
      </p>
    </>
  );
}
