import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage.ts';
import { barConfig } from './barConfig.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { listedByCategory, listedByGrade, planTargets, type Statistics } from './data.ts';
import { useStoryT } from './strings.ts';

const CENTRAL = '#9a3412';
const ELSEWHERE = '#0e7490';

/** The 140 listed places by category and grade (central area vs elsewhere), and the plan's targets. */
export function StatisticsSection({ stats }: { stats: Statistics }) {
  const t = useStoryT();
  const { t: tApp } = useTranslation();
  const { language } = useLanguage();
  const { total, central, elsewhere } = stats.listedPlaces;

  const categories = useMemo(
    () => listedByCategory(stats).map((r) => ({ ...r, label: tApp(`category.${r.key as 'area' | 'building' | 'element'}`) })),
    [stats, tApp],
  );
  const grades = useMemo(() => listedByGrade(stats).map((r) => ({ ...r, label: tApp(`grade.${r.key as '1' | '2' | '3'}`) })), [stats, tApp]);
  const targets = useMemo(() => planTargets(stats), [stats]);

  const stacked = (rows: { label: string; central: number; elsewhere: number }[]) =>
    barConfig({
      labels: rows.map((r) => r.label),
      series: [
        { label: t('stats.central'), data: rows.map((r) => r.central), colour: CENTRAL },
        { label: t('stats.elsewhere'), data: rows.map((r) => r.elsewhere), colour: ELSEWHERE },
      ],
      stacked: true,
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: stacked follows t
  const categoryConfig = useMemo(() => stacked(categories), [categories, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: stacked follows t
  const gradeConfig = useMemo(() => stacked(grades), [grades, t]);
  const targetConfig = useMemo(
    () =>
      barConfig({
        labels: targets.map((b) => b.label),
        series: [{ label: t('stats.targets.count'), data: targets.map((b) => b.value), colour: '#475569' }],
        horizontal: true,
      }),
    [targets, t],
  );
  const stackedColumns = (first: string) => [first, t('stats.central'), t('stats.elsewhere')];
  const stackedRows = (rows: { key: string; label: string; central: number; elsewhere: number }[]) =>
    rows.map((r) => ({ key: r.key, label: r.label, values: [r.central, r.elsewhere] }));
  const list = targets.map((b) => `${b.label} ${new Intl.NumberFormat(language).format(b.value)}`).join(language === 'en' ? ', ' : '、');

  return (
    <section aria-labelledby="story-statistics" className="story-section">
      <h2 id="story-statistics">{t('sections.statistics')}</h2>
      <p className="story-figure-line" data-testid="listed-total">
        <strong>{t('stats.listedTitle', { total })}</strong> {t('stats.listedText', { central: central.total, elsewhere: elsewhere.total })}
      </p>
      <div className="chart-grid">
        <ChartFigure
          name="listed-by-category"
          title={t('stats.byCategory.title')}
          summary={t('stats.byCategory.summary', { total })}
          height="18rem"
          config={categoryConfig}
          columns={stackedColumns(t('stats.category'))}
          rows={stackedRows(categories)}
        />
        <ChartFigure
          name="listed-by-grade"
          title={t('stats.byGrade.title')}
          summary={t('stats.byGrade.summary', { total })}
          height="18rem"
          config={gradeConfig}
          columns={stackedColumns(t('stats.grade'))}
          rows={stackedRows(grades)}
        />
        <ChartFigure
          name="plan-targets"
          title={t('stats.targets.title')}
          summary={t('stats.targets.summary', { list })}
          height={`calc(${targets.length} * 2.4rem + 4rem)`}
          config={targetConfig}
          columns={[t('stats.targets.target'), t('stats.targets.count')]}
          rows={targets.map((b) => ({ key: b.key, label: b.label, values: [b.value] }))}
        />
      </div>
    </section>
  );
}
