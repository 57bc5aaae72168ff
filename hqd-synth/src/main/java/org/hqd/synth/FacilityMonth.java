package org.hqd.synth;

/**
 * One month of a hospital's facility report. Amounts are in cents; satisfaction scores in tenths of a point.
 */
record FacilityMonth(int physicians, int nurses, int pharmacists, long totalRevenue, long medicalRevenue,
                     long operatingSpending, long staffSpending, long energySpending, int emrLevel,
                     long outpatientVisits, long appointments, int patientSatisfactionTenths,
                     int staffSatisfactionTenths, long drgDipPaid, long eligibleInsurance) {
}
