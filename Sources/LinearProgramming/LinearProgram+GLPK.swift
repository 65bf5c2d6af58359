import CGLPK

extension LinearProgram {
    /// Solves the programme with GLPK: the primal simplex (`glp_simplex`), or for an integer
    /// programme the branch-and-cut with GLPK's presolver (`glp_intopt`), within
    /// `timeLimitMilliseconds`. Terminal output is off. A programme refused by ``problem`` is not
    /// handed to GLPK (which aborts on invalid input): ``LinearProgramOutcome/failed(reason:)``.
    public func solve(timeLimitMilliseconds: Int32 = 2_000) -> LinearProgramOutcome {
        if let problem { return .failed(reason: problem) }
        let n = columns
        for j in 0..<n where lower[j] > upper[j] { return .infeasible }
        for row in rows { if let l = row.lower, let u = row.upper, l > u { return .infeasible } }
        _ = glp_term_out(GLP_OFF)
        guard let lp = glp_create_prob() else { return .failed(reason: "GLPK could not create a problem") }
        defer { glp_delete_prob(lp) }
        glp_set_obj_dir(lp, GLP_MIN)
        glp_add_cols(lp, Int32(n))
        for j in 0..<n {
            let column = Int32(j + 1)
            glp_set_col_bnds(lp, column, lower[j] == upper[j] ? GLP_FX : GLP_DB, lower[j], upper[j])
            glp_set_obj_coef(lp, column, objective[j])
            if integer { glp_set_col_kind(lp, column, GLP_IV) }
        }
        // Sparse matrix, 1-based (index 0 unused, GLPK's convention).
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        if !rows.isEmpty {
            glp_add_rows(lp, Int32(rows.count))
            for (i, row) in rows.enumerated() {
                let r = Int32(i + 1)
                switch (row.lower, row.upper) {
                case (let l?, let u?): glp_set_row_bnds(lp, r, l == u ? GLP_FX : GLP_DB, l, u)
                case (let l?, nil): glp_set_row_bnds(lp, r, GLP_LO, l, 0)
                case (nil, let u?): glp_set_row_bnds(lp, r, GLP_UP, 0, u)
                case (nil, nil): glp_set_row_bnds(lp, r, GLP_FR, 0, 0)
                }
                for (j, a) in row.coefficients.enumerated() where a != 0 {
                    ia.append(r)
                    ja.append(Int32(j + 1))
                    ar.append(a)
                }
            }
            glp_load_matrix(lp, Int32(ar.count - 1), &ia, &ja, &ar)
        }
        if integer {
            var parameters = glp_iocp()
            glp_init_iocp(&parameters)
            parameters.msg_lev = GLP_MSG_OFF
            parameters.presolve = GLP_ON
            parameters.tm_lim = timeLimitMilliseconds
            let code = glp_intopt(lp, &parameters)
            let status = glp_mip_status(lp)
            if code == GLP_ENOPFS || status == GLP_NOFEAS { return .infeasible }
            if code == GLP_ENODFS { return .unbounded }
            guard code == 0 || code == GLP_ETMLIM else { return .failed(reason: "glp_intopt returned \(Self.name(code))") }
            let x = (0..<n).map { glp_mip_col_val(lp, Int32($0 + 1)) }
            switch status {
            case GLP_OPT: return .optimal(x: x, objective: glp_mip_obj_val(lp))
            case GLP_FEAS: return .feasible(x: x, objective: glp_mip_obj_val(lp))
            default: return .failed(reason: "glp_intopt ended without a solution (\(Self.name(code)))")
            }
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.tm_lim = timeLimitMilliseconds
        let code = glp_simplex(lp, &parameters)
        guard code == 0 else { return .failed(reason: "glp_simplex returned \(Self.name(code))") }
        switch glp_get_status(lp) {
        case GLP_OPT:
            return .optimal(x: (0..<n).map { glp_get_col_prim(lp, Int32($0 + 1)) }, objective: glp_get_obj_val(lp))
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .failed(reason: "glp_simplex ended without an optimal basis")
        }
    }

    /// GLPK's name of a return code (glpk.h).
    static func name(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "GLP_EBADB (invalid basis)"
        case GLP_ESING: "GLP_ESING (singular matrix)"
        case GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)"
        case GLP_EBOUND: "GLP_EBOUND (invalid bounds)"
        case GLP_EFAIL: "GLP_EFAIL (solver failed)"
        case GLP_EITLIM: "GLP_EITLIM (iteration limit)"
        case GLP_ETMLIM: "GLP_ETMLIM (time limit)"
        case GLP_EROOT: "GLP_EROOT (no optimal basis of the relaxation)"
        case GLP_ENOPFS: "GLP_ENOPFS (no primal feasible solution)"
        case GLP_ENODFS: "GLP_ENODFS (no dual feasible solution)"
        default: "code \(code)"
        }
    }
}
