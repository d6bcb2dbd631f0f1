package dev.assay.tasks.sandbox;

/** A resource a sandboxed command is limited in. */
public enum Limit {
    MEMORY, PROCESSES, CPU_TIME, FILE_SIZE, WALL_TIME, WORKSPACE_SIZE
}
