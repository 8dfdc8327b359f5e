package de.lotse.knowledge;

/** How a reload attempt ended. */
public enum ReloadStatus {
    /** The folder had new content; it compiled and is now in service. */
    LOADED,
    /** The folder's content is the version already in service (or the version already rejected): nothing was done. */
    UNCHANGED,
    /** The new content has errors; the previous version keeps serving. */
    FAILED
}
