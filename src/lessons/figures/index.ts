/** Figure builders for the lessons: each takes a lesson's `data` and returns its `LessonFigure[]`. */
export { lesson01Figures, derivativePanels } from './lesson-01.js';
export { lesson02Figures } from './lesson-02.js';
export { lesson03Figures, surfaceFigure, gradientFieldFigure } from './lesson-03.js';
export { lesson05Figures, trainingCurves, boundaryFigure } from './lesson-05.js';
export { lesson07Figures, svmFigure } from './lesson-07.js';
