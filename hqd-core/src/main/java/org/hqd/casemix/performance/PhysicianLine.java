package org.hqd.casemix.performance;


/** One physician: {@code rank} of {@code departmentSize} physicians of the department by CMI. */
public record PhysicianLine(String physician, String department, int rank, int departmentSize, UnitPerformance metrics,
                            long highOutliers, long lowOutliers, double balance) { }
