// Progress of long work, reported by the controllers and drawn by the view.

/** `fraction` from 0 to 1; `message` in Vietnamese, shown to the clerk. */
export type Progress = (message: string, fraction: number) => void;

export const noProgress: Progress = () => undefined;
