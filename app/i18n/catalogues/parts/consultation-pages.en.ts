/** English words for one group of pages, kept in a file of its own (see ../en.ts). */
export const consultationPages = {};
