import { useSyncExternalStore } from 'react';
import type { TourController, TourState } from './tour.ts';

/** The tour's state, re-rendering on every change. */
export function useTourState(controller: TourController): TourState {
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
