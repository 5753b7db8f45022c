import { lazy, type ComponentType } from 'react';

/**
 * The parts of the interface not needed to follow the sitting, each in its own chunk, fetched the
 * first time they are shown: a first load over a slow link carries only what shows the room (O3).
 */
function lazyPart<P>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

/** The editor and ProseMirror, the largest part: fetched once the text is on screen to read. */
export const loadEditor = () => import('./CommuniqueEditor').then((m) => m.CommuniqueEditor);
export const CommuniqueEditor = lazyPart(loadEditor);
export const AuthorshipLegend = lazyPart(() => import('./AuthorshipLegend').then((m) => m.AuthorshipLegend));
export const SilenceStart = lazyPart(() => import('./SilenceStart').then((m) => m.SilenceStart));
export const CompareView = lazyPart(() => import('./CompareView').then((m) => m.CompareView));
export const MeasuresArea = lazyPart(() => import('./cbm/MeasuresArea').then((m) => m.MeasuresArea));
export const SittingViews = lazyPart(() => import('./observer/SittingViews').then((m) => m.SittingViews));
export const Projector = lazyPart(() => import('./projector/Projector').then((m) => m.Projector));
