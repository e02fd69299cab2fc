package io.ringsift.job;

import io.ringsift.partial.PathProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.WorkUnit;
import org.bson.RawBsonDocument;

/** A source of documents (a collection, JSON Lines files): its rows are raw BSON, its field profile a {@link PathProfile}. */
public interface DocumentInput<U extends WorkUnit> extends JobInput<U, RawBsonDocument> {
    @Override
    PathProfile newProfile(StatsLevel level);
}
