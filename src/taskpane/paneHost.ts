// The pane's host interface is defined in the host layer (src/host/paneHost.ts); re-exported here
// for the pane's modules.
export type { CellRef, PaneHost } from "../host/paneHost";
