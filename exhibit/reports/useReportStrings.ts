import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import type { ReportStrings } from './strings.ts';
import './strings.ts';

export const useReportStrings = () => useFeatureStrings<ReportStrings>('reports');
