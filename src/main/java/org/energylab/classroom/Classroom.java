package org.energylab.classroom;

import java.time.Instant;

/**
 * A class: a teacher's group of students, who join it with {@link #joinCode()}.
 *
 * @param teacherId the account that made the class (a teacher or an admin)
 * @param teacher that account's username
 */
public record Classroom(long id, String name, long teacherId, String teacher, String joinCode, Instant createdAt) {}
