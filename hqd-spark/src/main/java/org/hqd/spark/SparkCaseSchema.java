package org.hqd.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hqd.casemix.abstracts.AbstractColumn;

/** Spark schemas of case columns, typed by the case schema ({@link AbstractColumn}) rather than spelled again. */
final class SparkCaseSchema {
    private SparkCaseSchema() {
    }

    /** The Spark type of a canonical column. */
    static DataType type(AbstractColumn c) {
        return switch (c.type()) {
            case WHOLE -> DataTypes.IntegerType;
            case DATE -> DataTypes.DateType;
            case AMOUNT -> DataTypes.DoubleType;
            case FLAG -> DataTypes.BooleanType;
            case TEXT, LIST, ALIGNED -> DataTypes.StringType;
        };
    }

    /** A struct of these canonical columns, then text columns of these names (the job's results). */
    static StructType of(List<AbstractColumn> columns, String... resultColumns) {
        List<StructField> fields = new ArrayList<>();
        for (AbstractColumn c : columns) {
            fields.add(DataTypes.createStructField(c.column(), type(c), true));
        }
        for (String r : resultColumns) {
            fields.add(DataTypes.createStructField(r, DataTypes.StringType, true));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }
}
