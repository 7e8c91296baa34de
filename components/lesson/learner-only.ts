// What only a signed-in learner needs (sending progress, resuming, their own
// figures), in one chunk the page loads once it knows a learner is watching.
// Visitors never do.
export { WatchTracker } from '@/lib/progress/tracker';
export { default as ResumeBar } from './ResumeBar';
export { LessonLineFigures, LessonPanelFigures } from '@/components/progress/LessonFigures';
