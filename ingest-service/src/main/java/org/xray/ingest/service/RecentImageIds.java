package org.xray.ingest.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.xray.ingest.config.IngestConfig;

/**
 * The image ids published recently (bounded, oldest forgotten first), so that a PACS re-sending an instance does
 * not produce a second raw event. An id is reserved before publishing and released if publishing fails, so two
 * concurrent copies of one instance cannot both get through.
 */
@ApplicationScoped
public class RecentImageIds {

    private final Map<String, Boolean> ids;

    public RecentImageIds(IngestConfig config) {
        int capacity = config.dedupCapacity();
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return false when the id is already known (published or being published) */
    public synchronized boolean reserve(String imageId) {
        return ids.putIfAbsent(imageId, Boolean.TRUE) == null;
    }

    public synchronized void release(String imageId) {
        ids.remove(imageId);
    }
}
