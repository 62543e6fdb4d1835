// Read by the server layout (so the first paint has the right width) and written by the sidebar.
export const SIDEBAR_COOKIE = "oa_sidebar";
